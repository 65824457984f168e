// Keeps the canvas's drawing buffer at its CSS size times devicePixelRatio, so the picture is sharp
// on high-DPI screens and follows window resizes and browser zoom.
#pragma once

namespace kz::web {

/// The canvas as last synchronised.
struct CanvasSize {
  int framebufferWidth = 0;   ///< drawing-buffer pixels
  int framebufferHeight = 0;  ///< drawing-buffer pixels
  double pixelRatio = 1.0;    ///< device pixels per CSS pixel
};

/// Reads the canvas's CSS size and the device pixel ratio and resizes the drawing buffer (and so
/// the GLFW window ImGui reads) when they changed. Returns the current size. Cheap: call every frame.
CanvasSize SyncCanvasSize(const char* canvasSelector, const CanvasSize& previous);

}  // namespace kz::web
