"""Stored SPARQL queries and running them on the embedded store or an endpoint."""
