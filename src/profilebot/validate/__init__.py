"""Everything that can be wrong with a profile becomes a Finding: the schema check, the lint runner, the rules."""
