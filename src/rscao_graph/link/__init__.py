"""Authority linking: Wikidata client, candidate queries and scoring, the decisions file."""
