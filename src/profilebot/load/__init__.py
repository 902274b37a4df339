"""Text → positioned plain data → Profile: the YAML loader, its source map, the model builder, profile edits."""
