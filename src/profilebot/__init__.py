"""profilebot: keep an academic profile consistent everywhere from one profile.yaml."""

__version__ = "0.1.0"
