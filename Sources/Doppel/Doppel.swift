// The `Doppel` library product: every stage of the pipeline under one import, for users who want
// the whole of it. Each stage is its own target so that the compiler keeps the flow one-way
// (docs/architecture.md); `import Doppel` brings them all.
@_exported import DoppelCluster
@_exported import DoppelCompare
@_exported import DoppelDiff
@_exported import DoppelIO
@_exported import DoppelReport
@_exported import DoppelText
