// Pure rules of the auth, user and role commands: permission types and ranges, password
// sources, role get rendering and its printers, dial diagnoses and error hints.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands/auth_requests.h"
#include "cli/error_hints.h"
#include "cli/password.h"
#include "client/dial_diagnosis.h"
#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/auth_text.h"
#include "output/printer.h"

namespace ectl {
namespace {

using std::string_literals::operator""s;

int CodeOf(auto fn) {
  try {
    fn();
  } catch (const Error& e) {
    return static_cast<int>(e.code());
  }
  return 0;
}

TEST(PermType, CaseInsensitive) {
  EXPECT_EQ(cli::ParsePermType("read"), authpb::Permission::READ);
  EXPECT_EQ(cli::ParsePermType("Write"), authpb::Permission::WRITE);
  EXPECT_EQ(cli::ParsePermType("READWRITE"), authpb::Permission::READWRITE);
  try {
    cli::ParsePermType("bad");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "invalid permission type: bad");
    EXPECT_EQ(e.code(), ExitCode::kBadArgs);
  }
}

TEST(PermRange, EtcdctlRules) {
  auto r = cli::BuildPermRange("/a", std::nullopt, false, false);
  EXPECT_EQ(r.key, "/a");
  EXPECT_EQ(r.range_end, "");
  r = cli::BuildPermRange("/a", std::nullopt, true, false);
  EXPECT_EQ(r.range_end, "/b");
  r = cli::BuildPermRange("/a", std::nullopt, false, true);
  EXPECT_EQ(r.range_end, "\0"s);
  r = cli::BuildPermRange("/a", "/c"s, false, false);
  EXPECT_EQ(r.range_end, "/c");
  // The empty key: "\0", the whole keyspace with a flag, an end key ignored.
  r = cli::BuildPermRange("", std::nullopt, true, false);
  EXPECT_EQ(r.key, "\0"s);
  EXPECT_EQ(r.range_end, "\0"s);
  r = cli::BuildPermRange("", "/z"s, false, false);
  EXPECT_EQ(r.key, "\0"s);
  EXPECT_EQ(r.range_end, "");
}

TEST(PermRange, FlagErrors) {
  auto message = [](auto fn) {
    try {
      fn();
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message([] { cli::BuildPermRange("/a", std::nullopt, true, true); }),
            "--from-key and --prefix flags are mutually exclusive");
  EXPECT_EQ(message([] { cli::BuildPermRange("", std::nullopt, true, true); }),
            "--from-key and --prefix flags are mutually exclusive");
  // With an end key the --prefix complaint comes first, as in etcdctl.
  EXPECT_EQ(message([] { cli::BuildPermRange("/a", "/b"s, true, true); }),
            "unexpected endkey argument with --prefix flag");
  EXPECT_EQ(message([] { cli::BuildPermRange("/a", "/b"s, false, true); }),
            "unexpected endkey argument with --from-key flag");
}

TEST(GrantPermission, Arguments) {
  EXPECT_EQ(CodeOf([] { cli::BuildGrantPermission({"r", "read"}, false, false); }), 128);
  auto p = cli::BuildGrantPermission({"r", "readwrite", "/p"}, true, false);
  EXPECT_EQ(p.permtype(), authpb::Permission::READWRITE);
  EXPECT_EQ(p.key(), "/p");
  EXPECT_EQ(p.range_end(), "/q");
}

TEST(RevokeText, KeyRangeOpenEnded) {
  EXPECT_EQ(cli::RevokeText("r1", "/a", ""), "Permission of key /a is revoked from role r1");
  EXPECT_EQ(cli::RevokeText("r1", "/b", "/c"),
            "Permission of range [/b, /c) is revoked from role r1");
  EXPECT_EQ(cli::RevokeText("r1", "", "\0"s),
            "Permission of range [, <open ended> is revoked from role r1");
}

TEST(UserAddSource, Order) {
  auto s = cli::ResolveUserAdd("alice:pw", "", false);
  EXPECT_EQ(s.name, "alice");
  EXPECT_EQ(*s.password, "pw");
  s = cli::ResolveUserAdd("a:b:c", "", false);  // split at the first colon
  EXPECT_EQ(s.name, "a");
  EXPECT_EQ(*s.password, "b:c");
  s = cli::ResolveUserAdd("x:y", "flagpw", false);  // the flag takes the argument whole
  EXPECT_EQ(s.name, "x:y");
  EXPECT_EQ(*s.password, "flagpw");
  s = cli::ResolveUserAdd("bob", "", false);
  EXPECT_FALSE(s.password.has_value());
  s = cli::ResolveUserAdd("bob", "", true);
  EXPECT_TRUE(s.no_password);
  EXPECT_EQ(*s.password, "");
  s = cli::ResolveUserAdd("bob:pw", "", true);  // a given password wins over --no-password
  EXPECT_FALSE(s.no_password);
  EXPECT_EQ(CodeOf([] { cli::ResolveUserAdd(":pw", "", false); }), 128);
}

TEST(Password, FirstWordAndLines) {
  EXPECT_EQ(cli::FirstWord("  secret more\n"), "secret");
  EXPECT_EQ(cli::FirstWord(""), "");
  std::istringstream in("pw1\r\npw1\n");
  std::ostringstream out, err;
  cli::Io io{in, out, err, false};
  EXPECT_EQ(cli::AskNewPassword(io, "bob"), "pw1");
  EXPECT_EQ(err.str(), "");  // no prompt when stdin is not a terminal
  std::istringstream in2("a\nb\n");
  cli::Io io2{in2, out, err, false};
  EXPECT_EQ(CodeOf([&] { cli::AskNewPassword(io2, "bob"); }), 128);
  std::istringstream in3("\n");
  cli::Io io3{in3, out, err, false};
  EXPECT_EQ(CodeOf([&] { cli::AskNewPassword(io3, "bob"); }), 128);
  EXPECT_EQ(CodeOf([] { cli::ReadPasswordFile("/nonexistent/pw"); }), 128);
}

TEST(Password, FileReadableByOthersIsRefused) {
  char dir[] = "/tmp/ectl-pwfile-XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  const std::string path = std::string(dir) + "/pw";
  { std::ofstream(path) << "s3cret\n"; }
  for (mode_t mode : {0644, 0640, 0604, 0660, 0601, 0610}) {
    SCOPED_TRACE(mode);
    ASSERT_EQ(chmod(path.c_str(), mode), 0);
    try {
      cli::ReadPasswordFile(path);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kBadArgs);
      char want[8];
      std::snprintf(want, sizeof want, "%04o", static_cast<unsigned>(mode));
      EXPECT_EQ(std::string(e.what()), "password file " + path +
                                           " is accessible by group or others (mode " + want +
                                           "); restrict it with chmod 600");
      EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos);
    }
  }
  for (mode_t mode : {0600, 0400}) {
    ASSERT_EQ(chmod(path.c_str(), mode), 0);
    EXPECT_EQ(cli::ReadPasswordFile(path), "s3cret");
  }
  std::remove(path.c_str());
  rmdir(dir);
}

TEST(Password, FileFromAPipeIsRead) {
  // `--password-file <(pass show etcd)`: a pipe has no permission bits worth checking.
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], "piped\n", 6), 6);
  close(fds[1]);
  EXPECT_EQ(cli::ReadPasswordFile("/dev/fd/" + std::to_string(fds[0])), "piped");
  close(fds[0]);
}

google::protobuf::RepeatedPtrField<authpb::Permission> SamplePerms() {
  google::protobuf::RepeatedPtrField<authpb::Permission> perms;
  auto add = [&](authpb::Permission::Type t, std::string key, std::string end) {
    auto* p = perms.Add();
    p->set_permtype(t);
    p->set_key(key);
    p->set_range_end(end);
  };
  add(authpb::Permission::READWRITE, "\0"s, "\0"s);
  add(authpb::Permission::READ, "/a", "");
  add(authpb::Permission::WRITE, "/b", "/c");
  add(authpb::Permission::READ, "/f", "\0"s);
  add(authpb::Permission::WRITE, "/x", "/z");
  return perms;
}

TEST(RoleGetText, AsEtcdctlPrintsIt) {
  EXPECT_EQ(output::RoleGetText("r1", SamplePerms()),
            "Role r1\nKV Read:\n\t[\0, <open ended>\n\t/a\n\t[/f, <open ended>\n"
            "KV Write:\n\t[\0, <open ended>\n\t[/b, /c) (prefix /b)\n\t[/x, /z)\n"s);
  EXPECT_EQ(output::RoleGetText("r2", {}), "Role r2\nKV Read:\nKV Write:\n");
}

std::string PrintRole(std::string_view format) {
  etcdserverpb::AuthRoleGetResponse r;
  auto* h = r.mutable_header();
  h->set_cluster_id(1);
  h->set_member_id(2);
  h->set_revision(3);
  h->set_raft_term(4);
  *r.mutable_perm() = SamplePerms();
  std::ostringstream out;
  {
    auto p = output::MakePrinter(format, false, out);
    p->RoleGet(r, "r1");
  }
  return out.str();
}

TEST(RoleGetPrinters, JsonAndFields) {
  EXPECT_EQ(PrintRole("json"),
            R"({"header":{"cluster_id":1,"member_id":2,"revision":3,"raft_term":4},"perm":[)"
            R"({"permType":2,"key":"AA==","range_end":"AA=="},{"key":"L2E="},)"
            R"({"permType":1,"key":"L2I=","range_end":"L2M="},{"key":"L2Y=","range_end":"AA=="},)"
            R"({"permType":1,"key":"L3g=","range_end":"L3o="}]})"
            "\n");
  std::string fields = PrintRole("fields");
  EXPECT_NE(fields.find("\"PermType\" :  READWRITE\n\"Key\" : \"\\x00\"\n\"RangeEnd\" : \"\\x00\"\n"),
            std::string::npos);
  EXPECT_NE(fields.find("\"PermType\" :  READ\n\"Key\" : \"/a\"\n\"RangeEnd\" : \"\"\n"),
            std::string::npos);
  EXPECT_THROW(PrintRole("table"), Error);
}

// Found by printer_fuzzer: fields' Require() accepted these results and the print then
// threw, so only the commands' own checks refused them before the RPC
// (fuzz/regressions/printer_fuzzer/fields_auth_status_passes_require).
TEST(FieldsPrinter, RefusesUserGetUserListAndAuthStatusInRequire) {
  std::ostringstream out;
  auto p = output::MakePrinter("fields", false, out);
  for (output::Result kind :
       {output::Result::kUserGet, output::Result::kUserList, output::Result::kAuthStatus}) {
    try {
      p->Require(kind);
      ADD_FAILURE() << "fields accepted result " << static_cast<int>(kind);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kBadFeature);
      EXPECT_STREQ(e.what(), "fields not supported as output format");
    }
  }
  EXPECT_NO_THROW(p->Require(output::Result::kRoleGet));
  EXPECT_NO_THROW(p->Require(output::Result::kRoleList));
}

TEST(RoleListFields, NoSpaceWithoutRoles) {
  etcdserverpb::AuthRoleListResponse r;
  std::ostringstream out;
  {
    auto p = output::MakePrinter("fields", false, out);
    p->RoleList(r);
  }
  EXPECT_NE(out.str().find("\"Roles\" :\n"), std::string::npos);
}

TEST(DialDiagnosis, NamesTheCause) {
  client::ClientConfig config;
  config.tls = client::TlsConfig{};
  config.tls->ca_file = "ca.pem";
  auto d = [&](const std::string& raw, bool tls) {
    return client::DescribeDialFailure("ep", raw, tls, config);
  };
  EXPECT_EQ(d("connections to all backends failing; last error: UNKNOWN: ipv4:127.0.0.1:1: "
              "Failed to connect to remote host: Connection refused", false),
            "ep: connection refused (is etcd listening on this address?)");
  EXPECT_NE(d("last error: UNKNOWN: ipv4:127.0.0.1:2: Ssl handshake failed: SSL_ERROR_SSL: "
              "error:0A000086:SSL routines::certificate verify failed", true)
                .find("not signed by a trusted CA (--cacert ca.pem)"),
            std::string::npos);
  EXPECT_NE(d("last error: UNKNOWN: ipv4:127.0.0.1:2: Peer name 127.0.0.1 is not in peer "
              "certificate", true)
                .find("not valid for \"127.0.0.1\""),
            std::string::npos);
  EXPECT_NE(d("last error: UNAVAILABLE: ipv4:127.0.0.1:2: Endpoint read failed", true)
                .find("client certificate"),
            std::string::npos);
  EXPECT_NE(d("last error: UNAVAILABLE: ipv4:127.0.0.1:2: Socket closed", false).find("TLS"),
            std::string::npos);
  EXPECT_EQ(d("last error: UNAVAILABLE: ipv4:127.0.0.1:2: something new", false),
            "ep: something new");
}

TEST(ErrorHints, KnownErrorsOnly) {
  EXPECT_NE(cli::ErrorHint("etcdserver: permission denied", "alice").find("user get alice"),
            std::string::npos);
  EXPECT_NE(cli::ErrorHint("etcdserver: user name is empty", "").find("--user"),
            std::string::npos);
  EXPECT_EQ(cli::ErrorHint("etcdserver: key not found", "alice"), "");
}

}  // namespace
}  // namespace ectl
