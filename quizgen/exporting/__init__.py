"""What every exporter shares: safe, atomic, reproducible file writing (see ``files``)."""
