import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// A minimal PDF: one Helvetica text line on each page, with a correct cross-reference table.
func makeTwoPagePDF(_ first: String, _ second: String) -> [UInt8] {
    let content1 = "BT /F1 24 Tf 72 720 Td (\(first)) Tj ET"
    let content2 = "BT /F1 24 Tf 72 720 Td (\(second)) Tj ET"
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
        "<< /Length \(content1.utf8.count) >>\nstream\n\(content1)\nendstream",
        "<< /Length \(content2.utf8.count) >>\nstream\n\(content2)\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (k, body) in objects.enumerated() {
        offsets.append(pdf.utf8.count)
        pdf += "\(k + 1) 0 obj\n\(body)\nendobj\n"
    }
    let xref = pdf.utf8.count
    pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
    pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(pdf.utf8)
}

private let tool = PDFText.locateTool(explicit: nil, searchPath: "/usr/local/bin:/usr/bin:/bin")

@Test(.enabled(if: tool != nil, "pdftotext is not installed (Debian package poppler-utils)"))
func extractsTwoPagesWithAFormFeedBetween() throws {
    let text = try InputReader.read(bytes: makeTwoPagePDF("Hello first page", "Second page here"), path: "-")
    #expect(text.format == .pdf)
    let string = text.text(in: 0..<text.scalars.count)
    #expect(string.contains("Hello first page"))
    #expect(string.contains("Second page here"))
    let second = try #require(string.unicodeScalars.firstIndex(of: "S"))
    let offset = string.unicodeScalars.distance(from: string.unicodeScalars.startIndex, to: second)
    #expect(text.page(of: 0) == 1)
    #expect(text.page(of: offset) == 2)
    #expect(text.pageStarts.count == 2)
}

@Test(.enabled(if: tool != nil, "pdftotext is not installed (Debian package poppler-utils)"))
func brokenPDFReportsPdftotextsError() throws {
    #expect {
        try PDFText.extractText(bytes: Array("%PDF-1.4\ngarbage".utf8), path: "bad.pdf", tool: tool)
    } throws: { error in
        guard case let .pdfExtraction(path, reason)? = error as? DoppelError else { return false }
        return path == "bad.pdf" && !reason.isEmpty
    }
}

@Test func missingPdftotextSaysWhatToInstall() {
    #expect(
        throws: DoppelError.pdfExtraction(path: "a.pdf", reason: "pdftotext not found; install Debian's poppler-utils")
    ) {
        try InputReader.read(
            bytes: Array("%PDF-1.4".utf8), path: "a.pdf", options: InputOptions(searchPath: "/nonexistent"))
    }
}

@Test func pdfIsRecognisedByExtensionOrSignature() {
    #expect(PDFText.hasPDFExtension("Report.PDF"))
    #expect(PDFText.looksLikePDF(Array("%PDF-1.7\n".utf8)))
    #expect(!PDFText.looksLikePDF(Array("PDF".utf8)))
}
