"""The wire protocol, one definition for both ends: typed messages (`client`, `host`,
`events`, `shapes`) and the one place that reads and writes them (`codec`).

docs/protocol.md documents every message; tests keep the two in step.
"""

VERSION = 1
MAX_FRAME = 64 * 1024  # bytes in one frame (or HTTP body)
MAX_INT = 10**12  # the largest number any field may hold
MAX_ID = 64  # characters in a message id
