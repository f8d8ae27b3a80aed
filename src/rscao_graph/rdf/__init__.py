"""Model to RDF: terms, node constructors, the report mapping and the reference graphs."""
