"""The `repertoire` command: the same core as the plugin, for contributors and CI."""
