"""Site template adapters: one module per template, each render(profile, options) -> list[Artifact]."""
