"""The roster: a coalition's profile read against the Guide to Building a Broad-Based Coalition.

Which of the Guide's ten stakeholder groups are at the table, how far the coalition is formalized
(the Guide's Step 6), the cautions the Guide states outright, and, for each member, the sample roles
its partner kind can play (Step 5) with the indicators those roles serve where the assessment shows
a gap. One module per concept:

- `results`: the roster's parts as plain data (groups, elements, members, cautions);
- `report`: the roster as a report (`RosterReport`: its JSON, and its document from `document`);
- `build`: from a profile (and an assessment's gaps) to a `RosterReport`;
- `formalization`: the project's reading of the Guide's Step 6, one rule per element;
- `titles`: who a representative's title says they are (the district's superintendent, a chief
  executive);
- `executive`: the executive committee against Step 6's "chief executives from key stakeholders";
- `individuals`: members that rest on one person who owns open actions;
- `document`: the roster as headings, lines and tables (`coalition roster`'s table and Markdown).

Reading the files (an assessment with its profile, or a coalition.yaml on its own) is
`loading.roster`. The action plan shows a part of the roster through its own templates, with the
same labels (`results.STATUS_LABELS`).
"""
