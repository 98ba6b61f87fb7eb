// Decoding JPEG and PNG and encoding PNG for D2L's images (Sources/D2L/Image), through the system
// libraries libjpeg-turbo and libpng.
//
// libjpeg reports a corrupt file by calling an error handler that by default prints and calls
// exit(); Swift cannot catch that, nor can it call setjmp. So this small C layer installs an error
// manager that longjmps back here, and every function below returns 0 on success or 1 with a
// one-line reason in `message`, whatever bytes it is given. libpng is used through its simplified
// API, which does the same internally.
#ifndef D2L_IMAGE_CODECS_H
#define D2L_IMAGE_CODECS_H

#include <stddef.h>

/// Decoded pixels: `height` rows of `width` pixels of `channels` bytes each, row by row, in a
/// buffer allocated with malloc (release it with d2l_image_free).
typedef struct {
    unsigned char *pixels;
    int width;
    int height;
    int channels;
} d2l_image;

/// Images whose pixels would take more bytes than this are refused rather than allocated.
#define D2L_IMAGE_MAX_BYTES ((size_t)1 << 30)

/// Decodes JPEG bytes. `channels_wanted`: 0 keeps the file's own (1 for grey, 3 for colour),
/// 1 gives grey, 3 gives RGB. A warning from libjpeg (such as a premature end of data, which
/// libjpeg would otherwise paper over with grey rows) counts as an error.
int d2l_decode_jpeg(const unsigned char *data, size_t size, int channels_wanted, d2l_image *out,
                    char *message, size_t message_size);

/// Decodes PNG bytes to 8 bits per sample. `channels_wanted`: 0 keeps the file's own layout
/// (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA), or 1, 3 or 4; alpha dropped is composited on white.
int d2l_decode_png(const unsigned char *data, size_t size, int channels_wanted, d2l_image *out,
                   char *message, size_t message_size);

/// Encodes 8-bit pixels (1 grey, 2 grey + alpha, 3 RGB or 4 RGBA channels) as PNG bytes, in a
/// malloc'ed buffer returned through `png` and `png_size` (release it with d2l_image_free).
int d2l_encode_png(const unsigned char *pixels, int width, int height, int channels,
                   unsigned char **png, size_t *png_size, char *message, size_t message_size);

/// Releases a buffer returned by the functions above.
void d2l_image_free(void *pointer);

#endif
