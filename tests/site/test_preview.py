"""opskb serve: where mkdocs serve puts its throwaway preview site."""

from pathlib import Path

from opskb.site import preview


def test_a_given_tmpdir_is_kept(tmp_path: Path):
    env = {"TMPDIR": str(tmp_path / "mine"), "XDG_RUNTIME_DIR": str(tmp_path)}
    assert preview.preview_env(env)["TMPDIR"] == str(tmp_path / "mine")


def test_the_first_memory_folder_with_room_is_chosen(tmp_path: Path, monkeypatch):
    runtime, shm = tmp_path / "run", tmp_path / "shm"
    shm.mkdir()
    monkeypatch.setattr(preview, "RAM_FOLDERS", ("XDG_RUNTIME_DIR", str(shm)))
    env = {"XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin"}
    assert preview.preview_env(env) == {**env, "TMPDIR": str(shm)}  # no runtime folder: the next one
    runtime.mkdir()
    assert preview.preview_env(env)["TMPDIR"] == str(runtime)
    monkeypatch.setattr(preview, "MIN_FREE", 1 << 62)  # no room anywhere: MkDocs' own default
    assert "TMPDIR" not in preview.preview_env(env)


def test_serve_runs_mkdocs_serve_with_the_rest_of_its_arguments():
    cmd = preview.command(["-a", "127.0.0.1:8123", "--dirty"])
    assert cmd[1:] == ["-m", "mkdocs", "serve", "-a", "127.0.0.1:8123", "--dirty"]
