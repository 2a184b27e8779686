"""letterlab's default rule files (TOML). Installed as ``letterlab.default_rules``; see README.md."""
