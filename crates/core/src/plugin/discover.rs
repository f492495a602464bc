//! Finding plugin libraries: which directories are searched, in which order, and which files count.

use super::load::{self, PluginLibrary};
use crate::error::Error;
use std::path::{Path, PathBuf};

/// The environment variable holding extra plugin directories (separated like `PATH`).
pub const PLUGIN_PATH_ENV: &str = "BYLINE_PLUGIN_PATH";

/// The prefix of a plugin library's file stem (after the platform's `lib`, if any).
pub const FILE_PREFIX: &str = "byline_plugin_";

/// The directories to search, highest precedence first: each `--plugin-dir`, then each directory on
/// `BYLINE_PLUGIN_PATH`, then the directory holding the running executable.
pub fn search_dirs(plugin_dirs: &[PathBuf], env_path: Option<&std::ffi::OsStr>) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = plugin_dirs.to_vec();
    if let Some(value) = env_path {
        dirs.extend(std::env::split_paths(value).filter(|p| !p.as_os_str().is_empty()));
    }
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    {
        dirs.push(exe_dir);
    }
    let mut unique = Vec::new();
    for dir in dirs {
        if !unique.contains(&dir) {
            unique.push(dir);
        }
    }
    unique
}

/// The plugin name a library file is named for (`libbyline_plugin_quotes.so` gives `quotes`), or
/// `None` when the file is not a plugin library.
pub fn plugin_name_of_file(path: &Path) -> Option<String> {
    let file = path.file_name()?.to_str()?;
    let stem = file.strip_suffix(std::env::consts::DLL_SUFFIX)?;
    let stem = stem
        .strip_prefix(std::env::consts::DLL_PREFIX)
        .unwrap_or(stem);
    let name = stem.strip_prefix(FILE_PREFIX)?;
    (!name.is_empty()).then(|| name.to_string())
}

/// Everything found in the search directories.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Loadable plugins, first occurrence of each name (by directory precedence).
    pub plugins: Vec<PluginLibrary>,
    /// Plugins with the same name found later in the search order, shadowed by an earlier one.
    pub shadowed: Vec<PluginLibrary>,
    /// Files named like plugins that could not be loaded, with the plugin name their file suggests.
    pub broken: Vec<(String, Error)>,
    /// The directories searched, in order.
    pub searched: Vec<PathBuf>,
}

impl Catalog {
    /// Searches `dirs` in order. Missing directories are skipped.
    pub fn discover(dirs: Vec<PathBuf>) -> Catalog {
        let mut catalog = Catalog {
            searched: dirs.clone(),
            ..Catalog::default()
        };
        for dir in &dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut files: Vec<(String, PathBuf)> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter_map(|p| plugin_name_of_file(&p).map(|name| (name, p)))
                .collect();
            files.sort();
            for (file_name, path) in files {
                match load::open(&path) {
                    Ok(library) => {
                        if catalog.find(&library.manifest.name).is_some() {
                            catalog.shadowed.push(library);
                        } else {
                            catalog.plugins.push(library);
                        }
                    }
                    Err(error) => catalog.broken.push((file_name, error)),
                }
            }
        }
        catalog
    }

    /// The plugin called `name`.
    pub fn find(&self, name: &str) -> Option<&PluginLibrary> {
        self.plugins.iter().find(|p| p.manifest.name == name)
    }

    /// The plugin called `name`, or an error that explains why it is not available: the load error
    /// of a library named for it, or the list of what was found and where byline looked.
    pub fn get(&self, name: &str) -> Result<&PluginLibrary, Error> {
        if let Some(plugin) = self.find(name) {
            return Ok(plugin);
        }
        if let Some((_, error)) = self.broken.iter().find(|(file_name, _)| file_name == name) {
            return Err(clone_error(error));
        }
        Err(Error::UnknownPlugin {
            name: name.to_string(),
            found: self
                .plugins
                .iter()
                .map(|p| p.manifest.name.clone())
                .collect(),
            searched: self.searched.clone(),
            broken: self.broken.iter().map(|(_, e)| e.to_string()).collect(),
        })
    }
}

/// Load errors hold `std::io::Error`s elsewhere, so `Error` is not `Clone`; the load errors a
/// catalog keeps are all message-only and are copied here.
fn clone_error(error: &Error) -> Error {
    match error {
        Error::Abi {
            path,
            plugin_major,
            plugin_minor,
            host_major,
            host_minor,
            advice,
        } => Error::Abi {
            path: path.clone(),
            plugin_major: *plugin_major,
            plugin_minor: *plugin_minor,
            host_major: *host_major,
            host_minor: *host_minor,
            advice,
        },
        Error::NoEntry { path } => Error::NoEntry { path: path.clone() },
        Error::Load { path, message } => Error::Load {
            path: path.clone(),
            message: message.clone(),
        },
        Error::BadHeader { path, message } => Error::BadHeader {
            path: path.clone(),
            message: message.clone(),
        },
        other => Error::BadHeader {
            path: PathBuf::new(),
            message: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_plugin_file_names() {
        let file = format!(
            "{}byline_plugin_quotes{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        );
        assert_eq!(
            plugin_name_of_file(Path::new(&file)).as_deref(),
            Some("quotes")
        );
        let other = format!(
            "{}serde{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        );
        assert_eq!(plugin_name_of_file(Path::new(&other)), None);
        assert_eq!(plugin_name_of_file(Path::new("byline_plugin_x.txt")), None);
    }

    #[test]
    fn search_order_is_flags_then_env_then_executable_dir() {
        let env = std::env::join_paths(["/env/a", "/env/b"]).unwrap();
        let dirs = search_dirs(&[PathBuf::from("/flag")], Some(&env));
        assert_eq!(dirs[0], PathBuf::from("/flag"));
        assert_eq!(dirs[1], PathBuf::from("/env/a"));
        assert_eq!(dirs[2], PathBuf::from("/env/b"));
        assert_eq!(dirs.len(), 4, "plus the executable's directory");
    }
}
