"""Render: ``ir.Api`` -> a file plan (relative path -> text), per target.

Contract:
- Pure: no disk writes, no network; the same IR gives the same bytes.
- Never imports ``generator.loader`` or ``generator.normalize``.
- Every string from the spec reaches the output through an escaping filter
  for its context (``generator.render.escape``).
- Paths in a plan are POSIX, relative to OUT (``python/...``,
  ``typescript/...``), and never contain ``..``.
"""
