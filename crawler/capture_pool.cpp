#include "crawler/capture_pool.h"

#include <utility>

namespace claimdex {

CapturePool::CapturePool(int threads, std::string warc_dir, std::string cdx_dir,
                         std::string operator_info, const LinkPolicy* policy)
    : policy_(policy) {
  if (threads < 1) threads = 1;
  for (int i = 0; i < threads; ++i)
    writers_.push_back(std::make_unique<CaptureWriter>(warc_dir, cdx_dir, operator_info));
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this, i] { Work(i); });
}

CapturePool::~CapturePool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

void CapturePool::Submit(CaptureJob job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(job));
    ++pending_;
  }
  work_ready_.notify_one();
}

std::vector<CaptureDone> CapturePool::TakeDone() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<CaptureDone> out = std::move(done_);
  done_.clear();
  pending_ -= out.size();
  return out;
}

void CapturePool::WaitIdle() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [this] { return queue_.empty() && busy_ == 0; });
}

size_t CapturePool::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pending_;
}

void CapturePool::Work(int index) {
  CaptureWriter& writer = *writers_[static_cast<size_t>(index)];
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [this] { return closing_ || !queue_.empty(); });
    if (queue_.empty()) return;  // closing, and nothing left to write
    CaptureJob job = std::move(queue_.front());
    queue_.pop_front();
    ++busy_;
    lock.unlock();
    CaptureDone done = Process(writer, job);
    lock.lock();
    done_.push_back(std::move(done));
    --busy_;
    if (queue_.empty() && busy_ == 0) idle_.notify_all();
  }
}

CaptureDone CapturePool::Process(CaptureWriter& writer, CaptureJob& job) {
  CaptureDone done;
  done.id = job.id;
  if (job.kind != UrlKind::kRobots) done.found = CollectLinks(job.kind, job.result, policy_);
  if (job.with_metadata) {
    job.metadata.outlinks.reserve(done.found.links.size());
    for (const FoundLink& link : done.found.links) job.metadata.outlinks.push_back(link.url);
  }
  std::string file_before = writer.current_file();
  auto row =
      writer.Write(job.result, job.prior, job.time, job.with_metadata ? &job.metadata : nullptr);
  if (row.ok()) {
    done.row = std::move(row.value());
  } else {
    done.status = row.status();
  }
  if (writer.current_file() != file_before) done.new_file = writer.current_file();
  return done;
}

}  // namespace claimdex
