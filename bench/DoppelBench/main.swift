import Doppel
print("bench")
