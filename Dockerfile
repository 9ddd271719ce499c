# DisclosureExtract in a container: the CLI (disclosure-extract, a Native AOT binary with SQLite's library beside it)
# and the nightly worker (disclosure-extract-worker, a Native AOT binary too, using the same SQLite library) for linux-x64
# (docs/shipping.md) on the small runtime-deps image, which has no .NET runtime, only what the binaries need from the
# system (glibc, ICU, OpenSSL, time zones).
#
#   docker build -t disclosure-extract --build-arg COMMIT=$(git rev-parse HEAD) .
#   docker run --rm -v "$PWD/corpus:/data/in:ro" -v "$PWD/output:/data/out" disclosure-extract convert /data/in --out /data/out
#   docker run --rm disclosure-extract --version
#
# .dockerignore leaves .git out of the build context, so the commit comes from the COMMIT build argument; without it
# `--version` and the JSON files' generator say "unknown".
# Not built in CI here (no container engine on the project's machines): the test ShippingTests runs the same two
# `dotnet publish` commands and compares the binaries' outputs with the in-process conversion.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
# Native AOT links the binaries with the system's C toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends clang zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# restore first, in a layer of its own that changes only when the projects or package versions change
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Programs.props src/
COPY src/DisclosureExtract.Core/DisclosureExtract.Core.csproj src/DisclosureExtract.Core/
COPY src/DisclosureExtract.Cli/DisclosureExtract.Cli.csproj src/DisclosureExtract.Cli/
COPY src/DisclosureExtract.Worker/DisclosureExtract.Worker.csproj src/DisclosureExtract.Worker/
RUN dotnet restore src/DisclosureExtract.Cli -r linux-x64 \
 && dotnet restore src/DisclosureExtract.Worker -r linux-x64
COPY src/ src/
ARG COMMIT=
RUN dotnet publish src/DisclosureExtract.Cli -c Release -r linux-x64 --no-restore -o /out/cli -p:SourceRevisionId=${COMMIT} \
 && dotnet publish src/DisclosureExtract.Worker -c Release -r linux-x64 --no-restore -o /out/worker -p:SourceRevisionId=${COMMIT}

FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION} AS runtime
WORKDIR /opt/disclosure-extract
COPY --from=build /out/cli/disclosure-extract /out/cli/libe_sqlite3.so /out/worker/disclosure-extract-worker /out/worker/appsettings.json ./
# (the collector's gen0 budget cap, 32 MB, is built into both binaries: README, "Garbage collector")
ENV PATH="/opt/disclosure-extract:${PATH}"
# the image's non-root user; mount /data (or any folder) for inputs and outputs
USER $APP_UID
WORKDIR /data
ENTRYPOINT ["disclosure-extract"]
CMD ["--help"]
