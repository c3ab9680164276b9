"""Near-duplicate stories (MinHash/LSH) and facts merged across articles."""
