"""The canonical profile as frozen, typed values; no parsing of files, no I/O."""
