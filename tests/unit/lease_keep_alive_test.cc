// client::KeepAlive and LeaseKeepAliveOnce against an in-process fake Lease service on
// a loopback port: the paths a real etcd cannot be made to take on demand (a member
// that stops answering, a stream that breaks, a token the server rejects). Each stream
// the fake accepts follows a script; responses carry a 2 s TTL so renewals come fast.
#include "client/lease.h"

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "client/client.h"
#include "client/rpc_error.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

using etcdserverpb::LeaseKeepAliveRequest;
using etcdserverpb::LeaseKeepAliveResponse;
using std::chrono::milliseconds;

// What one stream does.
struct StreamScript {
  int64_t ttl = 2;               // TTL in each response
  int answers = -1;              // answers before failing; -1: never fails
  grpc::Status failure = grpc::Status(grpc::StatusCode::UNAVAILABLE, "member stopped");
  bool silent = false;           // reads requests, never answers
};

class FakeLease final : public etcdserverpb::Lease::Service {
 public:
  // Scripts for the 1st, 2nd, ... stream; later streams repeat the last one.
  explicit FakeLease(std::vector<StreamScript> scripts) : scripts_(std::move(scripts)) {}

  grpc::Status LeaseKeepAlive(
      grpc::ServerContext* ctx,
      grpc::ServerReaderWriter<LeaseKeepAliveResponse, LeaseKeepAliveRequest>* stream) override {
    StreamScript script;
    {
      std::lock_guard<std::mutex> lock(mu_);
      script = scripts_[std::min(streams_.size(), scripts_.size() - 1)];
      streams_.push_back({Metadata(*ctx, "hasleader"), Metadata(*ctx, "token")});
    }
    LeaseKeepAliveRequest request;
    for (int answered = 0; stream->Read(&request);) {
      if (script.silent) continue;
      if (answered == script.answers) return script.failure;
      LeaseKeepAliveResponse response;
      response.mutable_header()->set_member_id(7);
      response.set_id(request.id());
      response.set_ttl(script.ttl);
      stream->Write(response);
      ++answered;
    }
    return grpc::Status::OK;
  }

  struct Seen {
    std::string hasleader;
    std::string token;
  };
  std::vector<Seen> streams() {
    std::lock_guard<std::mutex> lock(mu_);
    return streams_;
  }

 private:
  static std::string Metadata(const grpc::ServerContext& ctx, const std::string& key) {
    auto it = ctx.client_metadata().find(key);
    return it == ctx.client_metadata().end() ? "" : std::string(it->second.data(), it->second.size());
  }

  std::mutex mu_;
  std::vector<StreamScript> scripts_;
  std::vector<Seen> streams_;
};

// Hands out "t1", "t2", ... so a test can tell a refreshed token from the first.
class FakeAuth final : public etcdserverpb::Auth::Service {
 public:
  grpc::Status Authenticate(grpc::ServerContext*, const etcdserverpb::AuthenticateRequest*,
                            etcdserverpb::AuthenticateResponse* response) override {
    response->set_token("t" + std::to_string(++calls_));
    return grpc::Status::OK;
  }
  std::atomic<int> calls_{0};
};

class LeaseKeepAliveFake : public ::testing::Test {
 protected:
  void Start(std::vector<StreamScript> scripts, bool with_user = false) {
    lease_ = std::make_unique<FakeLease>(std::move(scripts));
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(lease_.get());
    builder.RegisterService(&auth_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ClientConfig config;
    config.endpoints = {"127.0.0.1:" + std::to_string(port)};
    config.dial_timeout = std::chrono::seconds(10);
    if (with_user) config.user = "root", config.password = "pw";
    client_ = Client::Make(config);
  }

  void TearDown() override {
    client_.reset();
    if (server_) server_->Shutdown(std::chrono::system_clock::now());
  }

  KeepAliveOptions Options() {
    KeepAliveOptions o;
    o.first_response_timeout = milliseconds(2000);
    o.retry_wait = milliseconds(50);
    o.stop = &stop_;
    return o;
  }

  // Keeps lease 42 alive, stopping after `responses` responses.
  KeepAliveEnd Run(int responses) {
    return KeepAlive(*client_, 42, Options(), [&](const LeaseKeepAliveResponse& r) {
      EXPECT_EQ(r.id(), 42);
      if (++received_ >= responses) stop_ = true;
    });
  }

  std::unique_ptr<FakeLease> lease_;
  FakeAuth auth_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<Client> client_;
  std::atomic<bool> stop_{false};
  int received_ = 0;
};

TEST_F(LeaseKeepAliveFake, RenewsOnOneStreamWithHasLeader) {
  Start({StreamScript{}});
  EXPECT_EQ(Run(3), KeepAliveEnd::kStopped);
  EXPECT_EQ(received_, 3);
  ASSERT_EQ(lease_->streams().size(), 1u);
  EXPECT_EQ(lease_->streams()[0].hasleader, "true");
}

TEST_F(LeaseKeepAliveFake, TtlZeroMeansGone) {
  Start({StreamScript{.ttl = 0}});
  EXPECT_EQ(Run(100), KeepAliveEnd::kGone);
  EXPECT_EQ(received_, 0);  // the TTL 0 answer itself is not reported
}

TEST_F(LeaseKeepAliveFake, NoAnswerWithinTheTtlMeansLost) {
  // One answer (TTL 2 s), then the member goes quiet.
  Start({StreamScript{.answers = 1}, StreamScript{.silent = true}});
  EXPECT_EQ(Run(100), KeepAliveEnd::kTimedOut);
  EXPECT_EQ(received_, 1);
}

TEST_F(LeaseKeepAliveFake, NoFirstAnswerMeansLost) {
  Start({StreamScript{.silent = true}});
  KeepAliveOptions options = Options();
  options.first_response_timeout = milliseconds(300);
  EXPECT_EQ(KeepAlive(*client_, 42, options, [](const auto&) { ADD_FAILURE(); }),
            KeepAliveEnd::kTimedOut);
}

TEST_F(LeaseKeepAliveFake, ReopensABrokenStream) {
  // The first two streams break after one answer each; the third keeps going.
  Start({StreamScript{.answers = 1}, StreamScript{.answers = 1}, StreamScript{}});
  EXPECT_EQ(Run(4), KeepAliveEnd::kStopped);
  auto streams = lease_->streams();
  ASSERT_EQ(streams.size(), 3u);
  for (const auto& s : streams) EXPECT_EQ(s.hasleader, "true");
}

TEST_F(LeaseKeepAliveFake, RefreshesARejectedTokenBeforeReopening) {
  StreamScript rejected{
      .answers = 0,
      .failure = grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "etcdserver: invalid auth token")};
  Start({rejected, StreamScript{}}, /*with_user=*/true);
  EXPECT_EQ(Run(1), KeepAliveEnd::kStopped);
  auto streams = lease_->streams();
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_EQ(streams[0].token, "t1");
  EXPECT_EQ(streams[1].token, "t2");
  EXPECT_EQ(auth_.calls_, 2);
}

TEST_F(LeaseKeepAliveFake, StopFlagEndsAWaitingLoop) {
  Start({StreamScript{.silent = true}});
  KeepAliveOptions options = Options();
  options.first_response_timeout = std::chrono::seconds(60);
  std::thread stopper([this] {
    std::this_thread::sleep_for(milliseconds(200));
    stop_ = true;
  });
  EXPECT_EQ(KeepAlive(*client_, 42, options, [](const auto&) {}), KeepAliveEnd::kStopped);
  stopper.join();
}

TEST_F(LeaseKeepAliveFake, OnceReturnsTheAnswerOrNotFound) {
  Start({StreamScript{.ttl = 5}, StreamScript{.ttl = 0}});
  EXPECT_EQ(LeaseKeepAliveOnce(*client_, 42, std::nullopt).ttl(), 5);
  try {
    LeaseKeepAliveOnce(*client_, 42, std::nullopt);
    ADD_FAILURE() << "no error for TTL 0";
  } catch (const RpcError& e) {
    EXPECT_STREQ(e.what(), "etcdserver: requested lease not found");
  }
}

TEST_F(LeaseKeepAliveFake, OnceReportsAStreamError) {
  Start({StreamScript{.answers = 0,
                      .failure = grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                              "etcdserver: no leader")}});
  try {
    LeaseKeepAliveOnce(*client_, 42, std::nullopt);
    ADD_FAILURE() << "no error";
  } catch (const RpcError& e) {
    EXPECT_STREQ(e.what(), "etcdserver: no leader");
  }
}

}  // namespace
}  // namespace ectl::client
