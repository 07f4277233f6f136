"""Who may see what: live views, archived hands, exports and replays. Nothing about a table
leaves the host except through this package."""
