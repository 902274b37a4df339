"""Profile → Artifacts; one module per output format, each a pure function of the profile."""
