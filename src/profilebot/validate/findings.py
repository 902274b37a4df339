"""Moved to profilebot/findings.py (below both load/ and validate/, which report findings); this name is
kept only so code written before the move still imports. New code imports profilebot.findings."""

from profilebot.findings import Finding, Path, Severity, format_path

__all__ = ["Finding", "Path", "Severity", "format_path"]
