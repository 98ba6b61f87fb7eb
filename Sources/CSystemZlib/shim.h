// zlib (Debian: zlib1g-dev): gzip reading for the IDX files of Fashion-MNIST, deflate for PNG.
#include <zlib.h>
