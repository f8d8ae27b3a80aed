"""Publishing a build: dumps (TriG, N-Quads, Turtle, JSON-LD), VoID/DCAT, atomic output."""
