# vanban on Debian 12. Build the .deb first, then the image:
#
#   scripts/package        # -> build-release/vanban_0.1.0_amd64.deb
#   docker build -t registry.example/vanban:0.1.0 .
#
# apt resolves the package's Depends (libhpdf, ICU 72, pugixml, nettle) from
# Debian's mirror; scripts/test-deb-clean installs the same .deb on the same
# base in a debootstrap chroot, for machines without Docker.
FROM debian:12-slim

COPY build-release/vanban_*.deb /tmp/
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/vanban_*.deb \
 && rm -rf /tmp/vanban_*.deb /var/lib/apt/lists/*

WORKDIR /data

ENTRYPOINT ["vanban"]
CMD ["--help"]
