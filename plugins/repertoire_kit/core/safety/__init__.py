"""Safety: turning contributed text into inert output.

Owns escaping for Markdown, HTML attributes and JSON (`escape`), the HTML sanitiser
(`sanitize`) and the scan of contributed Markdown for markup that could run (`markup_scan`).
Imports only the standard library and its own modules: everything else may use it.
"""
