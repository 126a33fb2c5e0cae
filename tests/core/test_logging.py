import logging

from stenosis_coach.logging_setup import configure_logging, rotate


def test_log_goes_to_a_private_file_in_the_log_dir(paths):
    handler = configure_logging(paths)
    logging.getLogger("stenosis_coach.test").info("hello log")
    handler.flush()
    assert "hello log" in paths.log_file.read_text()
    assert (paths.log_file.stat().st_mode & 0o777) == 0o600
    logging.getLogger("stenosis_coach").removeHandler(handler)
    handler.close()


def test_large_log_is_rotated_and_three_are_kept(tmp_path):
    (tmp_path / "logs").mkdir()
    tmp_path = tmp_path / "logs"
    log = tmp_path / "app.log"
    for generation in range(5):
        log.write_text(f"gen {generation}\n" + "x" * 200)
        rotate(log, max_bytes=100)
    assert not log.exists()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["app.log.1", "app.log.2", "app.log.3"]
    assert (tmp_path / "app.log.1").read_text().startswith("gen 4")


def test_small_log_is_left_alone(tmp_path):
    log = tmp_path / "app.log"
    log.write_text("short")
    rotate(log, max_bytes=100)
    assert log.read_text() == "short"
