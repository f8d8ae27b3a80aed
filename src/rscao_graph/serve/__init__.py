"""Serving a build as linked data: the HTTP server (``app.py``), content negotiation, HTML pages with
charts, the SPARQL endpoint and its query workers, and the static site written from the same pages."""
