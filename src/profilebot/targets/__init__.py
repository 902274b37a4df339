"""The imperative shell: the only code that talks to GitHub; each target turns config into desired files."""
