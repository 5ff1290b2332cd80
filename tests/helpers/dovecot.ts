import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/ops/next-server";

// A throwaway Dovecot IMAP server on loopback: its own config, mail directory and port.
const BINARY = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"];

export type Dovecot = { host: string; port: number; url: (mailbox?: string) => string; stop: () => Promise<void> };

export function dovecotBinary(): string {
  const found = BINARY.find((p) => fs.existsSync(p));
  if (!found) throw new Error("Dovecot is not installed: the e-mail tests need a real IMAP server. Run `apt-get install dovecot-imapd`.");
  return found;
}


async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`dovecot exited: ${fs.existsSync(log) ? fs.readFileSync(log, "utf8") : ""}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("dovecot did not start listening within 10 s");
}

/** Users are `name: password`; each gets an empty INBOX. */
export async function startDovecot({ users }: { users: Record<string, string> }): Promise<Dovecot> {
  const binary = dovecotBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replyhour-dovecot-"));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const mailOwner = root ? "uid=nobody gid=nogroup" : `uid=${process.getuid!()} gid=${process.getgid!()}`;
  const self = os.userInfo().username;
  const log = path.join(dir, "dovecot.log");
  const config = `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_login_user = ${root ? "dovenull" : self}
default_internal_user = ${root ? "dovecot" : self}
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = ${mailOwner} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`;
  fs.writeFileSync(path.join(dir, "dovecot.conf"), config);
  fs.writeFileSync(path.join(dir, "users"), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}\n`).join(""));
  fs.mkdirSync(path.join(dir, "mail"));
  if (root) fs.chownSync(path.join(dir, "mail"), 65534, 65534);
  const child = spawn(binary, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await waitForPort(port, child, log);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    host: "127.0.0.1",
    port,
    url: (mailbox = "INBOX") => `imap://127.0.0.1:${port}/${mailbox}`,
    stop: async () => {
      if (child.exitCode == null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode == null) child.kill("SIGKILL");
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
