// libpng (Debian: libpng-dev), for reading and writing PNG images (§13.1 on).
#include <png.h>
