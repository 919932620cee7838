"""sdkgen: OpenAPI -> Python and TypeScript SDKs and Markdown docs.

Pipeline (one way): cli -> pipeline -> {loader, normalize, render, format,
write} -> {ir, diagnostics}.  See STYLE notes in each package docstring.
"""
