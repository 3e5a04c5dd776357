"""Reports as data (score, compare, consensus, network, roster), rendered by the CLI in any format."""
