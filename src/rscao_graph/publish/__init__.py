"""Publishing a build: dumps (TriG, N-Quads, Turtle, JSON-LD), framed per-report JSON-LD documents, VoID/DCAT-AP,
the w3id.org redirect rules, writing a build atomically."""
