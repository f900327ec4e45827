#!/usr/bin/env bash
# Runs the bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, version in Directory.Packages.props).
#   deploy/bicep.sh build    compile main.bicep and main.bicepparam to deploy/obj/
#   deploy/bicep.sh lint     lint both files
#   deploy/bicep.sh <args>   any other bicep command line
# build and lint fail on any diagnostic, warnings included: bicep itself exits 0 on warnings.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/tools/BicepTool.csproj"

dotnet restore "$project" --nologo --verbosity quiet >&2
bicep="$(dotnet msbuild "$project" -nologo -getProperty:BicepPath)"
if [[ ! -x "$bicep" ]]; then
  echo "bicep.sh: the bicep binary was not found at '$bicep' after restore" >&2
  exit 1
fi

# Runs bicep, shows its output, and fails when it printed any diagnostic.
strict() {
  local output status=0
  output="$("$bicep" "$@" 2>&1)" || status=$?
  if [[ -n "$output" ]]; then
    echo "$output" >&2
  fi
  if [[ $status -ne 0 ]]; then
    return "$status"
  fi
  if [[ -n "$output" ]]; then
    echo "bicep.sh: 'bicep $1' reported diagnostics; zero warnings are allowed" >&2
    return 1
  fi
}

case "${1:-}" in
  build)
    mkdir -p "$here/obj"
    strict build "$here/main.bicep" --outfile "$here/obj/main.json"
    strict build-params "$here/main.bicepparam" --outfile "$here/obj/main.parameters.json"
    echo "bicep build: main.bicep and main.bicepparam compiled to deploy/obj/ with no diagnostics"
    ;;
  lint)
    strict lint "$here/main.bicep"
    strict lint "$here/main.bicepparam"
    echo "bicep lint: main.bicep and main.bicepparam have no diagnostics"
    ;;
  *)
    exec "$bicep" "$@"
    ;;
esac
