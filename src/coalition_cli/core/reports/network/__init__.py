"""The network view for an intermediary supporting many coalitions: `coalition summary`, and the files
`coalition actions` reads across a network.

- `entries`: what a worker process sends back for each file (`NetworkEntry`: small, cheap to pickle);
- `coalitions`: files grouped into coalitions and terms: raters' files set aside, files of one
  coalition and one date reported rather than chosen between;
- `periods`: `--stale-after 12m`, `18m`, `1y`, `90d`;
- `summary`: the `Network` report (heatmap, trends, staleness, roll-ups, groups by region and cohort);
- `dashboard`: the same report as one self-contained HTML page.
"""
