// Dear ImGui renderer for WebGL2 (see imgui_renderer.hpp). Section index:
//   Init      program, vertex array, buffers, font atlas
//   Draw      one upload of every draw list's vertices and indices, then one draw per command
#include "imgui_renderer.hpp"

#include <cstddef>
#include <cstdint>

#include "gl_program.hpp"
#include "imgui.h"
#include "kizuna_shaders.hpp"

namespace kz {
namespace {

void* Offset(std::size_t bytes) { return reinterpret_cast<void*>(bytes); }

constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;

// Grows a buffer to at least `bytes` (with headroom, so a growing UI does not reallocate every frame).
void Reserve(GLenum target, GLsizeiptr bytes, GLsizeiptr& capacity) {
  if (bytes <= capacity) return;
  capacity = bytes + bytes / 2;
  glBufferData(target, capacity, nullptr, GL_DYNAMIC_DRAW);
}

}  // namespace

// --- Init ----------------------------------------------------------------------------------------

bool ImGuiRenderer::Init(std::string& error) {
  program = CompileProgram(shaders::kImguiVert, shaders::kImguiFrag, error);
  if (program == 0) return false;
  transformLocation = glGetUniformLocation(program, "uTransform");
  positionLocation = glGetAttribLocation(program, "aPosition");
  uvLocation = glGetAttribLocation(program, "aUv");
  colourLocation = glGetAttribLocation(program, "aColour");
  glUseProgram(program);
  glUniform1i(glGetUniformLocation(program, "uTexture"), 0);  // texture unit 0, set once
  glUseProgram(0);

  glGenVertexArrays(1, &vertexArray);
  glGenBuffers(1, &vertexBuffer);
  glGenBuffers(1, &indexBuffer);
  glBindVertexArray(vertexArray);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);  // recorded in the vertex array
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
  for (GLint location : {positionLocation, uvLocation, colourLocation}) glEnableVertexAttribArray(static_cast<GLuint>(location));
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "kizuna_webgl2";
  UploadFontTexture();
  return true;
}

void ImGuiRenderer::UploadFontTexture() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  if (fontTexture == 0) glGenTextures(1, &fontTexture);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, fontTexture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);  // ImGui's baked lines need bilinear
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  glBindTexture(GL_TEXTURE_2D, 0);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(fontTexture)));
}

// --- Draw ----------------------------------------------------------------------------------------

void ImGuiRenderer::Draw(const ImDrawData& drawData, int framebufferWidth, int framebufferHeight) {
  if (program == 0 || drawData.TotalVtxCount == 0 || framebufferWidth <= 0 || framebufferHeight <= 0) return;
  const ImVec2 origin = drawData.DisplayPos, size = drawData.DisplaySize, scale = drawData.FramebufferScale;
  if (size.x <= 0.0f || size.y <= 0.0f) return;

  glBindVertexArray(vertexArray);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer);
  Reserve(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(drawData.TotalVtxCount) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)), vertexCapacity);
  Reserve(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(drawData.TotalIdxCount) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)), indexCapacity);
  GLintptr vertexBytes = 0, indexBytes = 0;
  for (const ImDrawList* list : drawData.CmdLists) {
    const auto vertices = static_cast<GLsizeiptr>(list->VtxBuffer.Size * static_cast<int>(sizeof(ImDrawVert)));
    const auto indices = static_cast<GLsizeiptr>(list->IdxBuffer.Size * static_cast<int>(sizeof(ImDrawIdx)));
    glBufferSubData(GL_ARRAY_BUFFER, vertexBytes, vertices, list->VtxBuffer.Data);
    glBufferSubData(GL_ELEMENT_ARRAY_BUFFER, indexBytes, indices, list->IdxBuffer.Data);
    vertexBytes += vertices;
    indexBytes += indices;
  }

  auto setupState = [&] {
    glViewport(0, 0, framebufferWidth, framebufferHeight);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program);
    // clip = (p - origin) / size * 2 - 1, y flipped (ImGui's y runs down).
    glUniform4f(transformLocation, 2.0f / size.x, -2.0f / size.y, -1.0f - 2.0f * origin.x / size.x, 1.0f + 2.0f * origin.y / size.y);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertexArray);
  };
  setupState();

  GLuint boundTexture = 0;
  std::size_t firstVertexByte = 0, firstIndexByte = 0;
  for (const ImDrawList* list : drawData.CmdLists) {
    // Without a base-vertex draw in WebGL2, each list's indices count from its own first vertex:
    // point the attributes there.
    glVertexAttribPointer(static_cast<GLuint>(positionLocation), 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          Offset(firstVertexByte + offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(static_cast<GLuint>(uvLocation), 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          Offset(firstVertexByte + offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(static_cast<GLuint>(colourLocation), 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                          Offset(firstVertexByte + offsetof(ImDrawVert, col)));
    for (const ImDrawCmd& command : list->CmdBuffer) {
      if (command.UserCallback != nullptr) {
        if (command.UserCallback == ImDrawCallback_ResetRenderState) setupState();
        else command.UserCallback(list, &command);
        continue;
      }
      const float minX = (command.ClipRect.x - origin.x) * scale.x, minY = (command.ClipRect.y - origin.y) * scale.y;
      const float maxX = (command.ClipRect.z - origin.x) * scale.x, maxY = (command.ClipRect.w - origin.y) * scale.y;
      if (maxX <= minX || maxY <= minY || command.ElemCount == 0) continue;
      glScissor(static_cast<GLint>(minX), static_cast<GLint>(static_cast<float>(framebufferHeight) - maxY),
                static_cast<GLsizei>(maxX - minX), static_cast<GLsizei>(maxY - minY));
      const auto texture = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID()));
      if (texture != boundTexture) {
        glBindTexture(GL_TEXTURE_2D, texture);
        boundTexture = texture;
      }
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), kIndexType,
                     Offset(firstIndexByte + command.IdxOffset * sizeof(ImDrawIdx)));
    }
    firstVertexByte += static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert);
    firstIndexByte += static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx);
  }

  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_BLEND);
  glBindTexture(GL_TEXTURE_2D, 0);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glUseProgram(0);
}

void ImGuiRenderer::Shutdown() {
  if (fontTexture != 0) {
    glDeleteTextures(1, &fontTexture);
    ImGui::GetIO().Fonts->SetTexID(0);
  }
  if (vertexArray != 0) glDeleteVertexArrays(1, &vertexArray);
  for (GLuint* buffer : {&vertexBuffer, &indexBuffer}) {
    if (*buffer != 0) glDeleteBuffers(1, buffer);
    *buffer = 0;
  }
  if (program != 0) glDeleteProgram(program);
  fontTexture = vertexArray = program = 0;
  vertexCapacity = indexCapacity = 0;
}

}  // namespace kz
