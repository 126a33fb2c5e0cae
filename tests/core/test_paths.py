import stat

from stenosis_coach.paths import ENV_DATA_DIR, AppPaths


def test_data_dir_argument_puts_everything_under_it(tmp_path):
    paths = AppPaths.resolve(tmp_path / "mine")
    for p in (
        paths.db_file,
        paths.settings_file,
        paths.log_file,
        paths.backup_dir,
        paths.preload_dir,
    ):
        assert p.is_relative_to(tmp_path / "mine")


def test_env_override_is_used_and_argument_wins(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert AppPaths.resolve().data_dir == tmp_path / "env"
    assert AppPaths.resolve(tmp_path / "arg").data_dir == tmp_path / "arg"


def test_platform_default_follows_platformdirs(tmp_path):
    # conftest points HOME/XDG at tmp_path: the default lands there, never in the real home
    paths = AppPaths.resolve()
    assert paths.data_dir.is_relative_to(tmp_path)
    assert "stenosis-coach" in str(paths.data_dir)


def test_resolving_creates_nothing_and_ensure_makes_private_dirs(tmp_path):
    paths = AppPaths.resolve(tmp_path / "d")
    assert not (tmp_path / "d").exists()
    paths.ensure()
    for directory in (paths.data_dir, paths.backup_dir, paths.config_dir, paths.log_dir):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
