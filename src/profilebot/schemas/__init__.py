"""Package data: the profile JSON Schema (a link to schema/profile.schema.json, the one source of truth)."""
