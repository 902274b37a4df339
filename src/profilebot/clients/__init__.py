"""The HTTP clients (GitHub, ORCID, OpenAlex, Crossref, DBLP) and the one policy they send through."""
