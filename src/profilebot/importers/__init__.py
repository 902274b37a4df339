"""Readers that turn other records of a career (ORCID, BibTeX, JSON Resume) into proposed profile entries."""
