// 2-d convolution through oneDNN (Debian's libdnnl), used by Sources/D2L/Tensor/OneDNNConvolution.swift.
//
// oneDNN's direct convolution kernels skip the zero border and work in a channel-blocked layout,
// which beats D2L's im2col + GEMM path at the small planes of chapters 6, 7 and 13. The library is
// opened at run time (dlopen), so a machine without it builds and runs the same code and the
// im2col path takes every convolution. Every tensor crosses this interface in PyTorch's plain
// layouts (NCHW data, OIHW kernels, biases as vectors); the reorders to and from oneDNN's own
// layouts happen inside.
#ifndef D2L_ONEDNN_CONVOLUTION_H
#define D2L_ONEDNN_CONVOLUTION_H

/// One convolution: a batch of n images with c channels of h × w pixels, o kernels of kh × kw,
/// stride (sh, sw) and zero padding (ph, pw) on each side, as in torch.nn.Conv2d.
typedef struct {
    int n, c, h, w;
    int o, kh, kw;
    int sh, sw, ph, pw;
} d2l_conv_shape;

/// 1 when oneDNN could be opened and set up, else 0 (and every call below returns -1).
int d2l_onednn_available(void);

/// The reason oneDNN is not available, or "" when it is.
const char *d2l_onednn_unavailable_reason(void);

/// y [n, o, oh, ow] = x ⋆ w + b (b may be NULL). Returns 0 on success; any other value means
/// oneDNN could not run this shape and nothing was written.
int d2l_onednn_conv_forward(const d2l_conv_shape *shape, const float *x, const float *w, const float *b, float *y);

/// dx [n, c, h, w] = the gradient of the input for output gradient dy and kernels w.
int d2l_onednn_conv_backward_data(const d2l_conv_shape *shape, const float *dy, const float *w, float *dx);

/// dw [o, c, kh, kw] and db [o] (db may be NULL) = the gradients of the kernels and the bias.
int d2l_onednn_conv_backward_weights(const d2l_conv_shape *shape, const float *x, const float *dy, float *dw,
                                     float *db);

/// The name of the implementation oneDNN chose for the forward pass of this shape (for the
/// benchmark and the tests), or NULL when it cannot run it.
const char *d2l_onednn_conv_implementation(const d2l_conv_shape *shape);

#endif
