//! A small harness that starts the real app through WebKitWebDriver (WebKitGTK's WebDriver
//! server, Debian package webkit2gtk-driver), one WebDriver session per launch, with its own
//! data folder.
//!
//! Needs a display (the test script runs it under Xvfb) and a built app binary
//! (`SDR_APP_BIN`, default `target/debug/sme-digital-resilience`).
//!
//! The day: every app the harness starts runs on the test clock ([`now_ms`]), which starts at
//! `SDR_E2E_CLOCK` (default [`DEFAULT_CLOCK`]) when the test process starts and advances with
//! real time, so a run gives the same dates whatever day the machine thinks it is.
//!
//! Why no tauri-driver: on Linux it only renames the `tauri:options` capability to
//! `webkitgtk:browserOptions` and forwards every request to WebKitWebDriver, and both of its
//! forwarding faults broke sessions at random (about one run of the suite in three, more on a
//! busy machine), as its log showed. It listens before WebKitWebDriver does and forwards a
//! request made in between to a closed port ("Connection refused"); and it forwards later
//! requests over a pooled connection with retries turned off, so when that connection fails
//! ("client error (SendRequest) ... connection error") it drops the test's connection
//! without an answer, which the test sees as `IncompleteMessage`. Here the harness asks
//! WebKitWebDriver itself, with the capability tauri-driver would have made: it waits until
//! `GET /status` answers `ready`, and its own HTTP client retries a request whose pooled
//! connection closed before the request went out.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::process::{Child, Command};

pub type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where screenshots go (ignored by git).
pub fn output_dir() -> PathBuf {
    let dir = repo_root().join("output/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn app_binary() -> PathBuf {
    std::env::var_os("SDR_APP_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/debug/sme-digital-resilience"))
}

/// WebKitWebDriver: `WEBKIT_WEBDRIVER`, else the one on the PATH.
fn webkit_webdriver() -> PathBuf {
    std::env::var_os("WEBKIT_WEBDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("WebKitWebDriver"))
}

/// The instant the test clock starts at unless `SDR_E2E_CLOCK` says otherwise: noon in
/// Viet Nam and Thailand, 13:00 in Chinese Taipei, on a day far from a month's end.
pub const DEFAULT_CLOCK: &str = "2026-11-27T05:00:00Z";

static CLOCK: LazyLock<(i64, Instant)> = LazyLock::new(|| {
    let text = std::env::var("SDR_E2E_CLOCK").unwrap_or_else(|_| DEFAULT_CLOCK.to_string());
    let start = sdr_core::clock::parse_instant(&text)
        .unwrap_or_else(|| panic!("SDR_E2E_CLOCK={text} is not YYYY-MM-DDTHH:MM:SSZ"));
    (start, Instant::now())
});

/// Now on the test clock, in Unix milliseconds: what the apps this harness starts read too.
pub fn now_ms() -> i64 {
    let (start, at) = *CLOCK;
    start + at.elapsed().as_millis() as i64
}

/// A free loopback port.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Whether `GET /status` on `port` answers 200 with `"ready":true`.
async fn status_ready(port: u16) -> bool {
    let Ok(mut stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await else {
        return false;
    };
    let request =
        format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return false;
    }
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer));
    if !matches!(read.await, Ok(Ok(_))) {
        return false;
    }
    let answer = String::from_utf8_lossy(&answer);
    answer.starts_with("HTTP/1.1 200") && answer.replace(' ', "").contains("\"ready\":true")
}

const WAIT: Duration = Duration::from_secs(20);

/// One running app window.
pub struct App {
    driver: Child,
    pub client: Client,
}

/// Asks `driver` (WebKitWebDriver) to stop with SIGTERM.
fn terminate(driver: &Child) {
    if let Some(pid) = driver.id() {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
    }
}

impl Drop for App {
    /// A test that failed half-way still leaves no driver behind.
    fn drop(&mut self) {
        terminate(&self.driver);
    }
}

impl App {
    /// Starts the app with `data_dir` as its data folder.
    pub async fn launch(data_dir: &Path) -> Result<App> {
        App::launch_with(data_dir, &[]).await
    }

    /// Starts the app with `data_dir` as its data folder and extra environment variables
    /// (the file-dialog stand-ins `SDR_TEST_DIALOG_DIR` and `SDR_TEST_OPEN_FILE`).
    pub async fn launch_with(data_dir: &Path, env: &[(&str, &Path)]) -> Result<App> {
        let bin = app_binary();
        assert!(
            bin.exists(),
            "the app binary {} is missing: build it first",
            bin.display()
        );
        let port = free_port();
        // What WebKitWebDriver (and the app it starts) say, kept for when a session goes wrong.
        let logs = output_dir().join("drivers");
        std::fs::create_dir_all(&logs)?;
        let log = std::fs::File::create(logs.join(format!("{port}.log")))?;
        let driver = Command::new(webkit_webdriver())
            .arg(format!("--port={port}"))
            .arg("--host=127.0.0.1")
            // Tauri lets WebDriver automate its webview only when asked to.
            .env("TAURI_WEBVIEW_AUTOMATION", "true")
            .env("SDR_DATA_DIR", data_dir)
            .env("SDR_TEST_CLOCK", now_ms().to_string())
            .env("NO_AT_BRIDGE", "1")
            .envs(env.iter().copied())
            .stdout(Stdio::from(log.try_clone()?))
            .stderr(Stdio::from(log))
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| {
                format!("cannot start WebKitWebDriver (package webkit2gtk-driver): {e}")
            })?;
        // A session is asked for only once WebKitWebDriver answers.
        let deadline = tokio::time::Instant::now() + WAIT;
        while !status_ready(port).await {
            if tokio::time::Instant::now() > deadline {
                return Err("WebKitWebDriver did not become ready".into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut caps = serde_json::Map::new();
        caps.insert(
            "webkitgtk:browserOptions".into(),
            serde_json::json!({ "binary": bin, "args": [] }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        let app = App { driver, client };
        // The first screen is interactive when either the profile picker or the error screen is up.
        app.wait_css("[data-testid=create-profile], [data-testid=fatal-error]")
            .await?;
        Ok(app)
    }

    /// Ends the session (which closes the app), then stops WebKitWebDriver and waits for it,
    /// so the next launch starts on a quiet machine.
    pub async fn quit(mut self) -> Result<()> {
        self.client.clone().close().await?;
        terminate(&self.driver);
        if tokio::time::timeout(WAIT, self.driver.wait())
            .await
            .is_err()
        {
            self.driver.kill().await?;
        }
        Ok(())
    }

    pub async fn wait_css(&self, css: &str) -> Result<Element> {
        Ok(self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await?)
    }

    /// The first element with `data-testid` = `id`, once it exists.
    pub async fn by_id(&self, id: &str) -> Result<Element> {
        self.wait_css(&format!("[data-testid={id}]")).await
    }

    pub async fn click(&self, id: &str) -> Result<()> {
        self.by_id(id).await?.click().await?;
        Ok(())
    }

    pub async fn text(&self, id: &str) -> Result<String> {
        Ok(self.by_id(id).await?.text().await?)
    }

    /// Waits until `css` matches an element whose text satisfies `pred`.
    pub async fn wait_text(&self, css: &str, pred: impl Fn(&str) -> bool) -> Result<String> {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            for el in self.client.find_all(Locator::Css(css)).await? {
                if let Ok(t) = el.text().await
                    && pred(&t)
                {
                    return Ok(t);
                }
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!("no `{css}` with the expected text appeared").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Creates a profile from the picker and waits for the library.
    pub async fn create_profile(&self, name: &str, locale: &str) -> Result<()> {
        self.by_id("new-profile-name")
            .await?
            .send_keys(name)
            .await?;
        self.by_id("new-profile-locale")
            .await?
            .select_by_value(locale)
            .await?;
        self.click("create-profile").await?;
        self.by_id("lesson-link").await?;
        Ok(())
    }

    /// Chooses a learner's card on the profile picker and waits for their library.
    pub async fn choose_profile(&self, name: &str) -> Result<()> {
        self.wait_text("[data-testid=profile-name]", |t| t == name)
            .await?;
        for card in self
            .client
            .find_all(Locator::Css("[data-testid=profile]"))
            .await?
        {
            if card.text().await?.contains(name) {
                card.click().await?;
                self.by_id("lesson-link").await?;
                return Ok(());
            }
        }
        Err(format!("no profile card for {name}").into())
    }

    /// How far the page reaches beyond the window sideways, in CSS pixels (0 when it fits).
    pub async fn horizontal_overflow(&self) -> Result<i64> {
        let v = self
            .client
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
                vec![],
            )
            .await?;
        Ok(v.as_i64().unwrap_or(i64::MAX))
    }

    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        // Let the page paint what the last command changed before the picture is taken.
        self.client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await?;
        let png = self.client.screenshot().await?;
        let path = output_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }
}

/// The profile names stored in a data folder's database, read directly from SQLite.
pub fn stored_profile_names(data_dir: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open_with_flags(
        data_dir.join("sdr.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let mut stmt = conn
        .prepare("SELECT display_name FROM profiles ORDER BY created_at_ms")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The shipped course, read from content/ as the app's built-in copy is.
pub fn shipped_pack() -> sdr_core::content::Pack {
    let files = sdr_core::content::PackFiles::from_dir(&repo_root().join("content")).unwrap();
    sdr_core::content::load(&files).unwrap()
}

/// Titles of the top-level windows on the X display (needs xwininfo, from x11-utils).
pub fn x_window_titles() -> Vec<String> {
    let out = std::process::Command::new("xwininfo")
        .args(["-root", "-tree"])
        .output()
        .expect("xwininfo (package x11-utils) is installed by scripts/setup-system.sh");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split('"').nth(1).map(str::to_string))
        .collect()
}
