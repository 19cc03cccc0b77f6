"""Site-wide build helpers for Velferdslab-veilederen: page checks and HTML fixes used by the generation stage (sitegen/)."""
