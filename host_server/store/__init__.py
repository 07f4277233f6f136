"""The host's durable store: SQLite through sqlite-utils, in WAL mode (`sqlite`), its
numbered migrations, the writes a loop turn commits at once (`writes`), and how a
failure is told apart: the environment's, or ours (`failures`)."""
