"""Tests of the desktop app, mirroring desktop/ (Qt offscreen, qasync's loop).

- `app`: test_app.py (Play now), test_end_to_end.py (host, approve, play, restart),
  test_paths.py (the everyday paths, as a person walks them), test_hazards.py,
  test_router.py (hosting for the internet)
- `joining`: test_internet.py (an invite's addresses side by side, the seat kept),
  test_lan.py (a listing joined)
- `main`, `self_test`: system/test_launch.py (the process, the link it is opened with,
  `felt --self-test`), packaging/smoke.sh (the same inside the bundle, by
  `make package`)
"""
