// Problem reports and output files for the CLI (see cli_output.hpp).
#include "cli_output.hpp"

#include <fstream>
#include <iostream>

namespace kz::cli {

int ReportProblems(const std::string& what, const std::vector<Problem>& problems) {
  std::cerr << what << ": " << problems.size() << (problems.size() == 1 ? " problem" : " problems") << "\n";
  for (const Problem& problem : problems) std::cerr << "  " << problem.ToString() << "\n";
  return 2;
}

bool WriteFile(const std::string& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary);
  file << content;
  file.close();
  if (file) return true;
  std::cerr << path << ": could not be written\n";
  return false;
}

}  // namespace kz::cli
